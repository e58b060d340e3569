using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Store.Messaging.Postgres;

namespace Customers.Tests;

/// <summary>
/// The customers API over an in-memory store: these tests are about HTTP behaviour, not storage. Without a database
/// or a broker, the credit consumer, the outbox relay and the database health check are left out.
/// </summary>
public sealed class CustomersFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ICustomerStore, InMemoryCustomerStore>();
            foreach (var worker in services.Where(IsWorkerNeedingBackingServices).ToList())
            {
                services.Remove(worker);
            }
            services.Configure<HealthCheckServiceOptions>(options =>
            {
                foreach (var check in options.Registrations.Where(check => check.Name == CustomersDatabase.Name).ToList())
                {
                    options.Registrations.Remove(check);
                }
            });
        });

    private static bool IsWorkerNeedingBackingServices(ServiceDescriptor service) =>
        service.ServiceType == typeof(IHostedService)
        && (service.ImplementationType == typeof(ReserveCreditConsumer) || service.ImplementationType == typeof(OutboxRelay));
}
