namespace EndToEnd.Tests;

/// <summary>What the hostile-input run creates first, so its requests reach more than "not found".</summary>
internal sealed record StoreSample(long CustomerId, long ProductId, Guid OrderId, string Token)
{
    public string Bearer => $"Bearer {Token}";
}
