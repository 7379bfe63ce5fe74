/** Book-wide names used in page chrome and metadata. */
export const site = {
  title: 'Designing Machine Learning Systems for Business',
  shortTitle: 'ML Systems for Business',
  description:
    'An interactive course textbook on designing machine-learning systems that serve business goals: from objectives and metrics to data, models, deployment and people.',
  lang: 'en',
} as const;
