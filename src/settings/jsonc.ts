// JSON with comments and trailing commas, read with the parser VS Code itself uses for settings
// (`jsonc-parser`), so the CLI sees exactly the values the window sees (and both compute the same
// digest of a workspace loosening).
import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';

/** Reads a settings file as VS Code does: what parses is used, even around an error. */
export function parseSettingsText(text: string): unknown {
  return parse(text, [], { allowTrailingComma: true, disallowComments: false });
}

/** Parses JSONC strictly; throws on any error (for files that must be whole, such as the machine policy). */
export function parseJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) throw new SyntaxError(`${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}`);
  return value;
}
