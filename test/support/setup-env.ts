// Runs before each test file, before @n8n/config reads the environment: keeps n8n's logger from
// printing the stack of every failed node.
process.env.N8N_LOG_LEVEL = 'silent';
