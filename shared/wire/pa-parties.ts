/**
 * PA's party abbreviations beside the House of Commons Library's codes the night uses. Most are
 * the same (Lab, LD, SNP, PC, Green, DUP, SF, SDLP, UUP, Alliance, Ind); PA writes the
 * Conservatives as C (its own state-of-parties test file). The Speaker's PA abbreviation is not
 * in any file we hold: "Speaker" is an assumption, and README says so.
 */
const PA_TO_LIBRARY: Record<string, string> = { C: 'Con', Speaker: 'Spk' };
const LIBRARY_TO_PA: Record<string, string> = Object.fromEntries(Object.entries(PA_TO_LIBRARY).map(([pa, code]) => [code, pa]));

export const partyFromPa = (abbreviation: string): string => PA_TO_LIBRARY[abbreviation] ?? abbreviation;
export const partyToPa = (code: string): string => LIBRARY_TO_PA[code] ?? code;
