using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// Places orders through the gateway as a careful client does: each order under an Idempotency-Key of its own, a
/// refused attempt (5xx, a dropped connection, a timeout) sent again with the same key, a bounded number of times with
/// a growing delay. Any other answer is final.
/// </summary>
internal sealed class RetryingOrderClient(HttpClient gateway)
{
    public const int MaxAttempts = 6;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The order's id when it was accepted, otherwise the last refusal; and the attempts it took.</summary>
    public async Task<(Guid? OrderId, int Attempts, string Outcome)> PlaceAsync(long customerId, decimal orderTotal, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        var outcome = "";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(FirstDelay * Math.Pow(2, attempt - 2), cancellationToken);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(AttemptTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(new { customerId, orderTotal }) };
            request.Headers.Add("Idempotency-Key", key);
            try
            {
                using var response = await gateway.SendAsync(request, timeout.Token);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("orderId").GetGuid();
                    return (orderId, attempt, "accepted");
                }
                outcome = $"{(int)response.StatusCode}";
                if ((int)response.StatusCode < 500)
                {
                    return (null, attempt, outcome);
                }
            }
            catch (Exception refusal) when (refusal is HttpRequestException || (refusal is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                outcome = refusal.GetType().Name;
            }
        }
        return (null, MaxAttempts, outcome);
    }
}
