/**
 * Typed search attributes of the case workflow, so cases can be found in Temporal's own UI.
 * Their names and types are registered from search-attributes.json (the dev server gets them as
 * flags; a cluster gets them from the worker at start).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CASE_STATUS = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const CASE_STEP = defineSearchAttributeKey('CaseStep', SearchAttributeType.KEYWORD);
export const CASE_UNIT = defineSearchAttributeKey('CaseUnit', SearchAttributeType.KEYWORD);
export const CASE_CATEGORY = defineSearchAttributeKey('CaseCategory', SearchAttributeType.KEYWORD);
export const CASE_LEVEL = defineSearchAttributeKey('CaseLevel', SearchAttributeType.KEYWORD);
export const CASE_OVERDUE = defineSearchAttributeKey('CaseOverdue', SearchAttributeType.BOOL);
