/** The program version written into every 考核记录 row; kept equal to package.json's (tested). */
export const PROGRAM_VERSION = "0.1.0";
