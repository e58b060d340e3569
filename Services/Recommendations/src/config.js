// The service's settings, read from the variables the AppHost injects (the same names as for .NET services).
'use strict';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: reference the resource from the AppHost (WithReference).`);
  }
  return value;
}

/** A Redis connection string in StackExchange.Redis's form (host:port,password=...) as redis' client options. */
function redisOptions(connectionString) {
  const [endpoint, ...settings] = connectionString.split(',');
  const separator = endpoint.lastIndexOf(':');
  const options = {
    socket: {
      host: separator > 0 ? endpoint.slice(0, separator) : endpoint,
      port: separator > 0 ? Number(endpoint.slice(separator + 1)) : 6379,
      // Keep trying while Redis restarts; /health reports it meanwhile.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  };
  for (const setting of settings) {
    const equals = setting.indexOf('=');
    if (equals > 0 && setting.slice(0, equals).trim().toLowerCase() === 'password') {
      options.password = setting.slice(equals + 1);
    }
  }
  return options;
}

function load() {
  return {
    port: Number(process.env.PORT || 8080),
    redis: redisOptions(required('ConnectionStrings__redis')),
    rabbitmqUrl: required('ConnectionStrings__rabbitmq'),
    customersUrl: required('services__customers__http__0'),
  };
}

module.exports = { load, redisOptions };
