// The opportunity form's values and their mapping to and from the API (SPEC O-1 … O-6).
import type { Opportunity, Priority, ProbabilityMode } from '../api/types';
import { numberOrNull, textOrNull } from '../components/FormParts';

export type OpportunityValues = {
  title: string;
  description: string;
  companyId: number | null;
  contactId: number | null;
  ownerId: number | null;
  processId: number | null;
  stageId: number | null;
  probabilityMode: ProbabilityMode;
  probability: number | string;
  amount: number | string;
  currency: string;
  margin: number | string;
  annualMargin: number | string;
  decisionDate: string | null;
  deliveryDate: string | null;
  followUpDate: string | null;
  priority: Priority;
  rating: number | null;
  typeId: number | null;
  sourceId: number | null;
  regionId: number | null;
  departmentId: number | null;
};

export const PRIORITIES: Priority[] = ['low', 'normal', 'high'];

export function toValues(o: Opportunity): OpportunityValues {
  return {
    title: o.title,
    description: o.description ?? '',
    companyId: o.companyId,
    contactId: o.contactId,
    ownerId: o.ownerId,
    processId: o.processId,
    stageId: o.stageId,
    probabilityMode: o.probabilityMode,
    probability: o.probability,
    amount: o.amount ?? '',
    currency: o.currency,
    margin: o.margin ?? '',
    annualMargin: o.annualMargin ?? '',
    decisionDate: o.decisionDate,
    deliveryDate: o.deliveryDate,
    followUpDate: o.followUpDate,
    priority: o.priority,
    rating: o.rating,
    typeId: o.typeId,
    sourceId: o.sourceId,
    regionId: o.regionId,
    departmentId: o.departmentId,
  };
}

export function toBody(v: OpportunityValues) {
  const body: Record<string, unknown> = {
    title: v.title.trim(),
    description: textOrNull(v.description),
    companyId: v.companyId,
    contactId: v.contactId,
    probabilityMode: v.probabilityMode,
    amount: numberOrNull(v.amount),
    currency: v.currency,
    margin: numberOrNull(v.margin),
    annualMargin: numberOrNull(v.annualMargin),
    decisionDate: v.decisionDate,
    deliveryDate: v.deliveryDate,
    followUpDate: v.followUpDate,
    priority: v.priority,
    rating: v.rating,
    typeId: v.typeId,
    sourceId: v.sourceId,
    regionId: v.regionId,
    departmentId: v.departmentId,
  };
  // owner, process and stage can be changed but not emptied; left out, the API picks defaults (O-1)
  if (v.ownerId !== null) body.ownerId = v.ownerId;
  if (v.processId !== null) body.processId = v.processId;
  if (v.stageId !== null) body.stageId = v.stageId;
  // in stage mode the stage decides the probability (O-6); only a manual one is sent
  if (v.probabilityMode === 'manual') body.probability = numberOrNull(v.probability);
  return body;
}
