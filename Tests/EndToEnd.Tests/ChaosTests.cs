using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Parity.Hosting.Orchestration;
using Parity.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// The store under faults: orders placed by a few clients while replicas of orders, customers and notifications, and
/// RabbitMQ once, are SIGKILLed. No accepted order is lost, no credit goes astray, and clients that retry with their
/// Idempotency-Key are almost never refused.
/// </summary>
[Collection(nameof(StoreCollection))]
public sealed class ChaosTests(StoreTopology store)
{
    private const int Clients = 4;
    private const int MinOrders = 300;
    private const int MaxOrders = 600;
    private const int Customers = 12;
    private const decimal CreditLimit = 100m;
    private static readonly TimeSpan PauseBetweenOrders = TimeSpan.FromMilliseconds(400); // about 10 orders/s in all
    private static readonly TimeSpan PauseBetweenKills = TimeSpan.FromSeconds(3);

    // Each resource's replicas in turn, RabbitMQ once in the middle.
    private static readonly string[] KillPlan =
        ["orders", "customers", "notifications", "orders", "rabbitmq", "customers", "notifications", "orders", "customers", "notifications"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrdersPlacedWhileServicesAreKilledAreNeitherLostNorRefused()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromMinutes(8));
        var killer = new ReplicaKiller(store.App);
        foreach (var resource in KillPlan.Distinct())
        {
            await killer.WaitUntilEveryReplicaIsReadyAsync(resource, deadline.Token);
        }
        using var gateway = await GatewayClient.SignInAsync(store.App.CreateHttpClient("gateway"), deadline.Token, user: "chaos");
        var customerIds = new List<long>();
        for (var customer = 0; customer < Customers; customer++)
        {
            customerIds.Add(await CreateCustomerAsync(gateway, $"Chaos {customer}", deadline.Token));
        }

        var accepted = new ConcurrentDictionary<Guid, long>();
        var refusals = new ConcurrentBag<string>();
        var sent = 0;
        var retried = 0;
        var killing = Task.Run(async () =>
        {
            foreach (var resource in KillPlan)
            {
                await Task.Delay(PauseBetweenKills, deadline.Token);
                await killer.KillOneAsync(resource, deadline.Token);
            }
        }, deadline.Token);
        var client = new RetryingOrderClient(gateway);
        var ordering = Enumerable.Range(0, Clients).Select(clientNumber => Task.Run(async () =>
        {
            var random = new Random(clientNumber);
            while (Volatile.Read(ref sent) < MaxOrders && (!killing.IsCompleted || Volatile.Read(ref sent) < MinOrders))
            {
                Interlocked.Increment(ref sent);
                var customerId = customerIds[random.Next(customerIds.Count)];
                var (orderId, attempts, outcome) = await client.PlaceAsync(customerId, random.Next(1, 21), deadline.Token);
                if (attempts > 1)
                {
                    Interlocked.Increment(ref retried);
                }
                if (orderId is { } id)
                {
                    accepted[id] = customerId;
                }
                else
                {
                    refusals.Add(outcome);
                }
                await Task.Delay(PauseBetweenOrders, deadline.Token);
            }
        }, deadline.Token)).ToList();
        await Task.WhenAll([killing, .. ordering]);

        // The store is left as it was found: every process that runs for good is back and healthy.
        foreach (var resource in store.App.ResourceNotifications.Current.Where(snapshot =>
            snapshot.Replicas is { Count: > 0 } && snapshot.State != ResourceState.Finished))
        {
            await killer.WaitUntilEveryReplicaIsReadyAsync(resource.Name, deadline.Token);
        }
        var settled = await WaitUntilEveryOrderSettlesAsync(gateway, customerIds, deadline.Token);

        var placed = settled.Values.SelectMany(orders => orders).ToDictionary(order => order.GetProperty("orderId").GetGuid());
        var refusedPercent = 100.0 * refusals.Count / sent;
        TestContext.Current.SendDiagnosticMessage(
            $"chaos: {killer.Total} kills ({string.Join(", ", killer.Kills.Select(kill => $"{kill.Key} {kill.Value}"))}), " +
            $"{sent} orders sent, {accepted.Count} accepted ({retried} after a retry with their key), {placed.Count} placed, " +
            $"{refusals.Count} refused after {RetryingOrderClient.MaxAttempts} attempts " +
            $"({refusedPercent:0.0}%{string.Concat(refusals.GroupBy(outcome => outcome).Select(group => $", {group.Key} x{group.Count()}"))})");

        Assert.Empty(accepted.Keys.Except(placed.Keys)); // nothing accepted is lost
        // A retry with its key never placed a second order: only a refused request may have left one unknown to its client.
        Assert.InRange(placed.Count - accepted.Count, 0, refusals.Count);
        foreach (var customerId in customerIds)
        {
            var approved = settled[customerId]
                .Where(order => order.GetProperty("state").GetString() == "APPROVED")
                .Sum(order => order.GetProperty("orderTotal").GetDecimal());
            Assert.Equal(CreditLimit - approved, await AvailableCreditAsync(gateway, customerId, deadline.Token));
        }
        Assert.All(KillPlan.Distinct(), resource => Assert.True(killer.Kills.GetValueOrDefault(resource) > 0, $"{resource} was never killed"));
        Assert.InRange(refusedPercent, 0, 1.0);
    }

    private static async Task<long> CreateCustomerAsync(HttpClient gateway, string name, CancellationToken cancellationToken)
    {
        using var response = await gateway.PostAsJsonAsync("/api/customers", new { name, creditLimit = CreditLimit }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("customerId").GetInt64();
    }

    private static async Task<decimal> AvailableCreditAsync(HttpClient gateway, long customerId, CancellationToken cancellationToken) =>
        (await gateway.GetFromJsonAsync<JsonElement>($"/api/customers/{customerId}", cancellationToken)).GetProperty("availableCredit").GetDecimal();

    /// <summary>Every customer's orders once none is PENDING: each has been approved or rejected.</summary>
    private static async Task<Dictionary<long, JsonElement[]>> WaitUntilEveryOrderSettlesAsync(
        HttpClient gateway, IReadOnlyList<long> customerIds, CancellationToken cancellationToken)
    {
        var settled = new Dictionary<long, JsonElement[]>();
        foreach (var customerId in customerIds)
        {
            while (!settled.ContainsKey(customerId))
            {
                var orders = await gateway.GetFromJsonAsync<JsonElement[]>($"/api/orders?customerId={customerId}", cancellationToken);
                if (orders!.All(order => order.GetProperty("state").GetString() != "PENDING"))
                {
                    settled[customerId] = orders!;
                }
                else
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                }
            }
        }
        return settled;
    }
}
