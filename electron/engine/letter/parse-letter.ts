import { findNextSteps } from './commitments';
import { deriveFields, letterYear } from './derived';
import {
  docNumberAndCategory,
  handlingRoleOf,
  kindOf,
  proposalNumberOf,
  proposalTitleOf,
  proposersOf,
  sessionOf,
} from './fields';
import { findCc, findContact, findPhone } from './footer';
import { findIssuers } from './issuer';
import { layoutOf } from './layout';
import { buildSections } from './sections';
import type { ParsedLetter } from './types';
import { warningsFor } from './warnings';

/** Reads the fields of a reply letter from its text. Pure; offsets are into `text`. */
export function parseLetter(text: string): ParsedLetter {
  const l = layoutOf(text);
  const { docNumber, category } = docNumberAndCategory(l);
  const session = sessionOf(l);
  const proposalTitle = proposalTitleOf(l);
  const date = l.anyDate?.iso ?? null;
  const title = l.title ? l.title.text.trim() : null;
  const footer = l.lines.slice(Math.max(l.bodyStart, l.lines.length - 12));
  const year = letterYear(date, docNumber, title);
  const next = findNextSteps(text, l.folded, l.lines, l.bodyStart, l.closingStart, date, year);
  const proposalNumber = proposalNumberOf(l);
  const { issuer, coIssuers } = findIssuers(l);
  const base = {
    kind: kindOf(l, session, proposalTitle),
    title,
    issuer,
    co_issuers: coIssuers,
    doc_number: docNumber,
    session,
    proposal_number: proposalNumber,
    category,
    handling_role: handlingRoleOf(l, issuer),
    proposers: proposersOf(l),
    proposal_title: proposalTitle,
    date,
    contact: findContact(footer),
    phone: findPhone(footer),
    cc: findCc(footer),
    next_steps_heading: next.heading ? next.heading.text : null,
    commitments: next.items.map((i) => i.text),
    sections: buildSections(text, l.lines, l.bodyStart, l.closingStart),
    commitmentItems: next.items,
    derived: deriveFields({
      date,
      doc_number: docNumber,
      title,
      proposal_number: proposalNumber,
      session,
      category,
    }),
  };
  return { ...base, warnings: warningsFor(base, l.anyDate !== null) };
}
