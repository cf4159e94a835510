/** Scripts the bot doesn't pass yet (by name). The corpus test fails when one starts passing, so the list only shrinks. */
export const NOT_YET_PASSING = new Set<string>([
  "all details in one message, ticket in three",
  "all details in one message, asked the device, ticket in three",
  "all details in one message plus one correction",
  "\"what if I lose connection in the middle\" is the guide's fact",
]);
