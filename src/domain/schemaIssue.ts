// What a schema says is wrong. Our own rules put a code in zod's `message` (`schema.dateForm`) and
// their values in `params`; src/views/schemaTexts.ts says them in words. Zod's own checks keep zod's
// message, which is shown as it is.

/** One problem from a schema: `message` is a `schema.*` code or zod's own words; `params` the code's values. */
export interface SchemaIssue {
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

/** The message and values of a zod issue, without its path and input (a problem kept or returned). */
export function schemaIssueOf(issue: SchemaIssue): SchemaIssue {
  return issue.params ? { message: issue.message, params: issue.params } : { message: issue.message };
}
