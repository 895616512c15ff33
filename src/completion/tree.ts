// Reads the commander tree that buildProgram declares into plain data for the script generators:
// commands and subcommands, every option a command accepts (its own, the built-in help option and
// the program's options, which commander recognises after any subcommand) and how to complete
// each value. Nothing here knows a command by name: a new command or flag appears in the scripts
// by being declared in cli.ts.
import type { Argument, Command, Option } from 'commander';
import { valueKindOfArgument, valueKindOfOption, type ValueKind } from './values.js';

export interface OptionSpec {
  /** "-m", when the option has a short form. */
  short?: string;
  /** "--model", when the option has a long form. */
  long?: string;
  description: string;
  /** How to complete the option's value; kind "none" for a flag. */
  value: ValueKind;
  /** The value may be left out ("--opt [x]"): a completer must not take the next word as its value. */
  optionalValue: boolean;
  /** Can be given more than once (variadic, or "repeatable" in its description). */
  repeatable: boolean;
}

export interface ArgumentSpec {
  name: string;
  required: boolean;
  variadic: boolean;
  value: ValueKind;
}

export interface CommandSpec {
  name: string;
  /** Names from the program down, without the program's name: [] for the program, ["models", "list"]. */
  path: string[];
  description: string;
  /** Every option accepted here: its own first, then the inherited (program) ones, each name once. */
  options: OptionSpec[];
  arguments: ArgumentSpec[];
  subcommands: CommandSpec[];
}

/** The program as data. The implicit `help [command]` commands are included, completing command names. */
export function describeProgram(program: Command): CommandSpec {
  return describe(program, []);
}

function describe(command: Command, path: string[]): CommandSpec {
  const help = command.createHelp();
  const own = help.visibleOptions(command);
  const inherited: Option[] = [];
  for (let ancestor = command.parent; ancestor; ancestor = ancestor.parent) {
    inherited.push(...ancestor.options.filter((o) => !o.hidden));
  }
  const declared = new Set(command.commands);
  const visible = help.visibleCommands(command);
  const siblingNames = visible.filter((c) => declared.has(c)).map((c) => c.name());

  const subcommands = visible.map((sub): CommandSpec => {
    const subPath = [...path, sub.name()];
    if (declared.has(sub)) return describe(sub, subPath);
    // Commander's implicit help command: "help <command>" takes a sibling's name.
    return {
      name: sub.name(),
      path: subPath,
      description: sub.description(),
      options: [],
      arguments: [{ name: 'command', required: false, variadic: false, value: { kind: 'choices', choices: siblingNames } }],
      subcommands: [],
    };
  });

  return {
    name: command.name(),
    path,
    description: command.description(),
    options: uniqueOptions([...own, ...inherited]).map(optionSpec),
    arguments: command.registeredArguments.map(argumentSpec),
    subcommands,
  };
}

function uniqueOptions(options: Option[]): Option[] {
  const seen = new Set<string>();
  return options.filter((option) => {
    const names = [option.short, option.long].filter((n): n is string => n !== undefined);
    if (names.some((n) => seen.has(n))) return false;
    for (const n of names) seen.add(n);
    return true;
  });
}

function optionSpec(option: Option): OptionSpec {
  return {
    ...(option.short ? { short: option.short } : {}),
    ...(option.long ? { long: option.long } : {}),
    description: option.description,
    value: valueKindOfOption(option),
    optionalValue: option.optional,
    repeatable: option.variadic || /\brepeat/i.test(option.description),
  };
}

function argumentSpec(argument: Argument): ArgumentSpec {
  return {
    name: argument.name(),
    required: argument.required,
    variadic: argument.variadic,
    value: valueKindOfArgument(argument),
  };
}

/** Every command in the tree, the program first, depth first in declaration order. */
export function allCommands(root: CommandSpec): CommandSpec[] {
  return [root, ...root.subcommands.flatMap(allCommands)];
}

/** The names an option goes by: ["-m", "--model"]. */
export function optionNames(option: OptionSpec): string[] {
  return [option.short, option.long].filter((n): n is string => n !== undefined);
}
