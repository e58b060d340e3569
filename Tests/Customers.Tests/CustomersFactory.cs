using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests;

/// <summary>The customers API over an in-memory store: these tests are about HTTP behaviour, not storage.</summary>
public sealed class CustomersFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<ICustomerStore, InMemoryCustomerStore>());
}
