// The `result` of a completed task, with the keys the contract lists. The content is small and
// plausible rather than real: clients only check its presence, and 10,000 of them stay cheap.

import { randomUUID } from 'node:crypto';

import { naiveUtcNow } from './clock';

import type { Random } from './random';
import type { Task } from './task';

const CATEGORIES = ['Adaptacion', 'Confianza', 'Carga de trabajo', 'Apoyo entre pares'];

export function buildResult(task: Task, version: number, random: Random, model: string) {
  const confidenceScore = Math.round((0.6 + random() * 0.35) * 100) / 100;
  const central = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
  return {
    id: randomUUID(),
    project_id: task.projectId,
    version,
    status: 'completed',
    confidence_score: confidenceScore,
    generated_by: model,
    model_json: {
      selected_central_category: central,
      conditions: CATEGORIES.filter((name) => name !== central).slice(0, 2),
      actions: [`${central}: ajuste de rutinas`],
      consequences: [`${central}: menor rotacion`],
    },
    propositions: [
      { id: 'P1', text: `${central} media entre las condiciones y las acciones.` },
      { id: 'P2', text: 'Las condiciones cambian con la carga de trabajo.' },
    ],
    gaps: [{ category: CATEGORIES[3], reason: 'pocas entrevistas' }],
    validation: {
      gap_analysis: { saturated: false, missing_categories: 1 },
      network_metrics_summary: { nodes: CATEGORIES.length, edges: 5, density: 0.83 },
      budget_debug: { llm_calls: 5, embeddings: 3 },
      paradigm_validation: { valid: true, repairs: 0 },
      pipeline_runtime: {
        request: {
          min_interviews: task.request.minInterviews,
          use_model_router: task.request.useModelRouter,
        },
        execution_mode: 'local',
        planned_seconds: Math.round(task.plannedPipelineMs) / 1000,
      },
    },
    created_at: naiveUtcNow(),
  };
}
