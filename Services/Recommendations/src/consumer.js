// Consumes the store's order events (the fanout exchange orders.events) from a queue of its own, with manual acks:
// a message is acked only once counted, so a crash redelivers it. Each delivery continues the trace whose context
// the publisher put in the message headers (W3C traceparent), so these spans join the order's saga trace.
'use strict';

const amqp = require('amqplib');
const { context, propagation, trace, SpanKind, SpanStatusCode, ROOT_CONTEXT } = require('@opentelemetry/api');
const orderEvent = require('./orderEvent');
const counters = require('./counters');

const EXCHANGE = 'orders.events';
const QUEUE = 'recommendations.order-events';
const RETRY_MS = 2000;

const tracer = trace.getTracer('recommendations');

// AMQP header values arrive as strings or Buffers, depending on how the publisher typed them.
const headerGetter = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    return Buffer.isBuffer(value) ? value.toString('utf8') : value === undefined ? undefined : String(value);
  },
};

class OrderEventsConsumer {
  constructor(url, redis, log) {
    this.url = url;
    this.redis = redis;
    this.log = log;
    this.connection = null;
    this.channel = null;
    this.stopped = false;
  }

  get isConnected() {
    return this.channel !== null;
  }

  /** Connects, and connects again whenever the broker goes away, until stopped. */
  start() {
    this.connect().catch((error) => this.retry(error));
  }

  async connect() {
    const connection = await amqp.connect(this.url);
    connection.on('error', (error) => this.log(`RabbitMQ connection error: ${error.message}`)); // 'close' follows and reconnects
    connection.on('close', () => {
      this.channel = null;
      this.connection = null;
      if (!this.stopped) this.retry(new Error('connection closed'));
    });
    const channel = await connection.createChannel();
    await channel.assertExchange(EXCHANGE, 'fanout', { durable: true });
    await channel.assertQueue(QUEUE, { durable: true });
    await channel.bindQueue(QUEUE, EXCHANGE, '');
    await channel.prefetch(16);
    await channel.consume(QUEUE, (message) => message && this.deliver(channel, message), { noAck: false });
    this.connection = connection;
    this.channel = channel;
    this.log(`consuming ${QUEUE}`);
  }

  retry(error) {
    if (this.stopped) return;
    this.log(`RabbitMQ is not reachable (${error.message}); retrying`);
    setTimeout(() => this.start(), RETRY_MS).unref();
  }

  async deliver(channel, message) {
    const parent = propagation.extract(ROOT_CONTEXT, message.properties.headers || {}, headerGetter);
    const span = tracer.startSpan(`${QUEUE} process`, {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'rabbitmq',
        'messaging.destination.name': QUEUE,
        'messaging.message.id': message.properties.messageId || '',
      },
    }, parent);
    try {
      await context.with(trace.setSpan(parent, span), async () => {
        const event = orderEvent.parse(message);
        if (event === null) {
          span.setAttribute('recommendations.ignored', true);
          return;
        }
        span.setAttribute('order.id', event.orderId);
        span.setAttribute('order.state', event.state);
        const counted = await counters.record(this.redis, event);
        span.setAttribute('recommendations.counted', counted);
      });
      channel.ack(message);
    } catch (error) {
      // Not acked: delivered again after a pause, so a persistent failure does not spin.
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      this.log(`counting message ${message.properties.messageId} failed (${error.message}); it will be redelivered`);
      setTimeout(() => {
        try {
          channel.nack(message, false, true);
        } catch (nackError) {
          this.log(`could not nack (${nackError.message}); the broker redelivers once the channel is gone`);
        }
      }, 1000).unref();
    } finally {
      span.end();
    }
  }

  async stop() {
    this.stopped = true;
    if (this.connection) await this.connection.close().catch((error) => this.log(`closing RabbitMQ: ${error.message}`));
  }
}

module.exports = { OrderEventsConsumer, EXCHANGE, QUEUE };
