// Moved to components/ (it serves every list page); kept here for the pages that still import it from directory.
export { ListFilters } from "../../components/ListFilters.js";
