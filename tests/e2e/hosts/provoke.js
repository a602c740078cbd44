// Loaded only by tests that check their own error hooks: one console error, then one uncaught error.
console.error('provoked console error');
throw new Error('provoked uncaught error');
