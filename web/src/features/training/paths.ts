/** The paths that belong to training, so the main navigation marks its entry as current on all of them. */
export const TRAINING_PATHS = ["/training"];

export function isTrainingPath(pathname: string): boolean {
  return TRAINING_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export const trainingPaths = {
  list: () => "/training",
  create: () => "/training/new",
  programme: (id: string, tab?: string) => (tab ? `/training/${id}?tab=${tab}` : `/training/${id}`),
  edit: (id: string) => `/training/${id}/edit`,
  attempt: (id: string) => `/training/attempts/${id}`,
  verify: (code: string) => `/verify/${code}`,
};
