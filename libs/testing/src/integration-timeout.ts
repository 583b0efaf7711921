// Integration and end-to-end suites start real servers; their hooks need more than jest's 5 s.
jest.setTimeout(180_000);
