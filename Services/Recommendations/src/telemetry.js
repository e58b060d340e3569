// Loaded before the app (node --require): OpenTelemetry must patch node:http before anything uses it.
// Traces go over OTLP/gRPC to OTEL_EXPORTER_OTLP_ENDPOINT with OTEL_EXPORTER_OTLP_HEADERS (the dashboard's API key);
// the service's name and instance come from OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES. All are set by the AppHost.
'use strict';

const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-grpc');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { detectResources, envDetector, processDetector } = require('@opentelemetry/resources');

const exporting = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
const provider = new NodeTracerProvider({
  resource: detectResources({ detectors: [envDetector, processDetector] }),
  // The batch processor reads OTEL_BSP_SCHEDULE_DELAY, so the dashboard shows spans within a second locally.
  spanProcessors: exporting ? [new BatchSpanProcessor(new OTLPTraceExporter())] : [],
});
// W3C trace context (traceparent) in and out of HTTP and AMQP headers.
provider.register();
registerInstrumentations({
  instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url === '/health' })],
});

// The server flushes what is left when it stops (the same module instance: node caches it by path).
module.exports = { shutdown: () => provider.shutdown() };
