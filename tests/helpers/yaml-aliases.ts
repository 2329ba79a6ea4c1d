/**
 * Nine lines of YAML, `a:` to `i:`, each a list of nine aliases of the line before: they stand
 * for 9^9 values (a "billion laughs"), so any walk of the data would stall. The first alias is on
 * the second line.
 */
export function aliasesOfAliases(): string {
  const names = "abcdefghi";
  const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(", ")}]`,
    );
  return lines.join("\n");
}
