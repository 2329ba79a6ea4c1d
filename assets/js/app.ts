// Browser code: only the GOV.UK components pages use. GOV.UK's createAll does nothing unless
// <body> has `govuk-frontend-supported`, so old browsers keep the no-JavaScript page.
import { createAll, NotificationBanner, ServiceNavigation, SkipLink } from "govuk-frontend";
import { showOverdueReviews } from "./review.js";
import { startCookies } from "./cookies.js";
import { showPreviewProblems } from "./preview.js";

createAll(ServiceNavigation);
createAll(SkipLink);
createAll(NotificationBanner);
showOverdueReviews();
startCookies();
showPreviewProblems();
