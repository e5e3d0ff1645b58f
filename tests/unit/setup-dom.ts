import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/react';

// `findBy…` and `waitFor` wait for what the test expects; on a loaded two-core machine a screen
// over the device database can take more than Testing Library's default second to get there.
configure({ asyncUtilTimeout: 10_000 });
