// Moved to components/ (every list page and picker uses it); kept here for the files that still import it from directory.
export { useDebouncedSearch, useListQuery, type ListQuery } from "../../components/useListQuery.js";
