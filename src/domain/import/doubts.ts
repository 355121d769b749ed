// Why the importer is unsure of a field: a code with what the reason needs, shown to the coordinator
// beside the field (src/views/importDoubtTexts.ts words it). Stored with an import draft, so the
// schema validates what is read back.
import { z } from 'zod';

export const importDoubtSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('doubt.noMunicipality') }),
  z.object({ code: z.literal('doubt.noPoliceArea') }),
  z.object({ code: z.literal('doubt.noPeriod') }),
  z.object({ code: z.literal('doubt.noPromises') }),
  z.object({ code: z.literal('doubt.promisesAreActivities') }),
  /** A subject the importer does not know as a party ("Föreningen lovar …"): the parties are inherited. */
  z.object({ code: z.literal('doubt.unknownParty'), subject: z.string() }),
  /** "i områdena" with no places named by the promise. */
  z.object({ code: z.literal('doubt.noPlaces') }),
  /** "två gånger per år" over several years, counted as times × years. */
  z.object({ code: z.literal('doubt.timesPerYear'), times: z.number(), years: z.number() }),
  /** "två gånger per termin", counted as two terms a year. */
  z.object({ code: z.literal('doubt.timesPerTerm'), times: z.number() }),
  z.object({ code: z.literal('doubt.noUnit') }),
  /** "minst 900 timmar per år" over several years. */
  z.object({ code: z.literal('doubt.unitPerYear'), count: z.number(), unit: z.string(), years: z.number() }),
  /** A percentage condition left in the sentence, not counted. */
  z.object({ code: z.literal('doubt.condition'), condition: z.string() }),
  z.object({ code: z.literal('doubt.patrolMonthly') }),
  z.object({ code: z.literal('doubt.noTarget') }),
  z.object({ code: z.literal('doubt.promiseByOrder') }),
  z.object({ code: z.literal('doubt.everyPromise') }),
]);

/** One reason the importer is unsure of a field. */
export type ImportDoubt = z.infer<typeof importDoubtSchema>;
