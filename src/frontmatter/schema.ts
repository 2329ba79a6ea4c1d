// Every frontmatter field a Markdown page may use. Unknown fields are errors, because a
// misspelt field (`tittle:`) otherwise fails silently.
import { z } from "zod";

export const pageFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1, "must not be empty"),
    description: z.string().optional(),
    /** The id of the page's title heading, kept from an imported site so old links land. */
    titleId: z
      .string()
      .regex(/^[\w-]+$/, "letters, digits, - and _ only")
      .optional(),
    /** Checked against the engine's and the site's layouts when the frontmatter is read. */
    layout: z.string().min(1),
    eleventyNavigation: z
      .strictObject({
        key: z.string().min(1).optional(),
        parent: z.string().min(1).optional(),
        order: z.number().optional(),
        title: z.string().optional(),
        excerpt: z.string().optional(),
      })
      .optional(),
    includeInBreadcrumbs: z.boolean().optional(),
    eleventyExcludeFromCollections: z.union([z.boolean(), z.array(z.string())]).optional(),
    permalink: z.union([z.string(), z.literal(false)]).optional(),
    tags: z.union([z.string(), z.array(z.string())]).optional(),
    date: z.union([z.string(), z.date()]).optional(),
    /** Build the page but leave it out of side navigation and previous/next links. */
    hideInNavigation: z.boolean().optional(),
    /** Leave the page out of the site search. */
    searchable: z.boolean().optional(),
    // GOV.UK tech-docs fields, so pages move across unchanged (checked in src/review/).
    last_reviewed_on: z.union([z.string(), z.date()]).optional(),
    review_in: z.string().optional(),
    owner_slack: z.string().optional(),
    /** Old addresses of this page; each becomes a redirect here. */
    old_paths: z.array(z.string().regex(/^\//, "must start with /")).optional(),
    /** Ask search engines not to index this page. */
    prevent_indexing: z.boolean().optional(),
    /** Overrides the date taken from git history. */
    last_updated: z.union([z.string(), z.date()]).optional(),
  })
  .partial({ layout: true })
  .strict();

export type PageFrontmatter = z.output<typeof pageFrontmatterSchema>;

/** Which fields a page may have, and what an unknown one is. */
export interface FrontmatterRules {
  schema: z.ZodType;
  /** "error" normally; "warning" where the site's own templates may read any field. */
  unknownFields: "error" | "warning";
}

export const ENGINE_FRONTMATTER: FrontmatterRules = {
  schema: pageFrontmatterSchema,
  unknownFields: "error",
};
