// The frontmatter fields x-govuk's layouts read (https://x-govuk.github.io/govuk-eleventy-plugin/),
// beside the engine's own. The site's own templates may read fields nobody else knows, so an
// unknown field is a warning here (with the nearest real name), not an error.
import { z } from "zod";
import { pageFrontmatterSchema, type FrontmatterRules } from "../frontmatter/schema.js";

const link = z.object({ text: z.string(), href: z.string() });
const image = z.object({
  src: z.string(),
  alt: z.string(),
  caption: z.string().optional(),
  opengraphImage: z.boolean().optional(),
});
const person = z.union([z.string(), z.object({ name: z.string(), url: z.string().optional() })]);

export const xgovukFrontmatterSchema = pageFrontmatterSchema.extend({
  homepage: z.boolean().optional(),
  order: z.number().optional(),
  sectionKey: z.string().optional(),
  caption: z.string().optional(),
  aside: z.object({ title: z.string().optional(), content: z.string() }).optional(),
  related: z
    .object({
      title: z.string().optional(),
      sections: z.array(z.object({ title: z.string().optional(), items: z.array(link) })),
    })
    .optional(),
  image: image.optional(),
  opengraphImage: image.partial({ alt: true }).optional(),
  author: person.optional(),
  authors: z.array(person).optional(),
  modified: z.union([z.string(), z.date()]).optional(),
  startButton: link.optional(),
  eleventyComputed: z.record(z.string(), z.unknown()).optional(),
  pagination: z.record(z.string(), z.unknown()).optional(),
  paginationHeading: z.union([z.string(), z.literal(false)]).optional(),
  showBreadcrumbs: z.boolean().optional(),
  // Tags may be left empty (`tags:`), which YAML reads as null.
  tags: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
});

export const XGOVUK_FRONTMATTER: FrontmatterRules = {
  schema: xgovukFrontmatterSchema,
  unknownFields: "warning",
};
