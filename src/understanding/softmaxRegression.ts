/** Sparse feature vector: term → value. */
export type Features = ReadonlyMap<string, number>;

export interface SoftmaxModel {
  /** Probability per label, in the order of `labels`. */
  predict(features: Features): number[];
}

export interface SoftmaxTraining {
  labels: readonly string[];
  examples: readonly { label: string; features: Features }[];
  /** L2 penalty: larger keeps weights small, so one rare word cannot decide alone. */
  l2: number;
  iterations: number;
  learningRate: number;
}

/**
 * Multinomial logistic regression, trained by full-batch gradient descent from zero weights:
 * deterministic, and fast enough at this size (hundreds of examples) to train at start-up.
 */
export function trainSoftmax({ labels, examples, l2, iterations, learningRate }: SoftmaxTraining): SoftmaxModel {
  const k = labels.length;
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const weights = new Map<string, Float64Array>();
  for (const { features } of examples) for (const term of features.keys()) if (!weights.has(term)) weights.set(term, new Float64Array(k));
  const bias = new Float64Array(k);
  const rows = examples.map(({ label, features }) => ({
    target: labelIndex.get(label)!,
    entries: [...features].map(([term, value]) => ({ w: weights.get(term)!, value })),
  }));

  const logits = new Float64Array(k);
  const probabilities = (entries: { w: Float64Array; value: number }[], out: Float64Array) => {
    for (let c = 0; c < k; c++) logits[c] = bias[c]!;
    for (const { w, value } of entries) for (let c = 0; c < k; c++) logits[c]! += w[c]! * value;
    softmaxInto(logits, out);
  };

  const n = rows.length;
  const p = new Float64Array(k);
  const gradients = new Map<Float64Array, Float64Array>([...weights.values()].map((w) => [w, new Float64Array(k)]));
  const biasGradient = new Float64Array(k);
  for (let step = 0; step < iterations; step++) {
    for (const g of gradients.values()) g.fill(0);
    biasGradient.fill(0);
    for (const row of rows) {
      probabilities(row.entries, p);
      p[row.target]! -= 1;
      for (let c = 0; c < k; c++) biasGradient[c]! += p[c]!;
      for (const { w, value } of row.entries) {
        const g = gradients.get(w)!;
        for (let c = 0; c < k; c++) g[c]! += p[c]! * value;
      }
    }
    for (const [w, g] of gradients) for (let c = 0; c < k; c++) w[c]! -= learningRate * (g[c]! / n + l2 * w[c]!);
    for (let c = 0; c < k; c++) bias[c]! -= learningRate * (biasGradient[c]! / n);
  }

  return {
    predict(features: Features): number[] {
      const out = new Float64Array(k);
      const z = new Float64Array(k);
      for (let c = 0; c < k; c++) z[c] = bias[c]!;
      for (const [term, value] of features) {
        const w = weights.get(term);
        if (w) for (let c = 0; c < k; c++) z[c]! += w[c]! * value;
      }
      softmaxInto(z, out);
      return [...out];
    },
  };
}

function softmaxInto(logits: Float64Array, out: Float64Array): void {
  let max = -Infinity;
  for (const v of logits) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp(logits[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < logits.length; c++) out[c]! /= sum;
}
