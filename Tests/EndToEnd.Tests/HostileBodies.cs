using System.Text;

namespace EndToEnd.Tests;

/// <summary>
/// Hostile bodies for every endpoint that reads JSON: each field replaced by hostile values while the others stay
/// valid, malformed and deeply nested documents, byte-level corruptions of a valid body, odd content types.
/// </summary>
internal static class HostileBodies
{
    private enum Field { Text, Number }

    private sealed record BodyEndpoint(string Method, string Target, (string Name, Field Kind, string Valid)[] Fields);

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "application/json; charset=bogus", "application/json; charset=utf-7",
        "application/*", "*/*", "application/json; charset=\"", ";;;",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D],
        [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D],
        [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00],
        [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x7B, 0x7D],
    ];

    private static readonly int[] NestingDepths = [63, 64, 65, 1_000, 50_000];

    public static IEnumerable<HostileRequest> For(StoreSample sample, Random random)
    {
        foreach (var endpoint in Endpoints(sample))
        {
            var request = new HostileRequest(endpoint.Method, endpoint.Target, "") { Authorization = sample.Bearer };
            foreach (var (name, kind, _) in endpoint.Fields)
            {
                foreach (var value in ValuesFor(kind, random))
                {
                    yield return request.WithJson(Document(endpoint, name, value)) with { Description = $"{name} = hostile value" };
                }
            }

            foreach (var document in HostileValues.MalformedDocuments)
            {
                yield return request.WithJson(document) with { Description = "malformed JSON" };
            }

            foreach (var depth in NestingDepths)
            {
                yield return request.WithJson(HostileValues.NestedArrays(depth)) with { Description = $"arrays nested {depth} deep" };
                yield return request.WithJson(HostileValues.NestedObjects(depth)) with { Description = $"objects nested {depth} deep" };
            }

            var valid = Encoding.UTF8.GetBytes(Document(endpoint, "", ""));
            for (var i = 0; i < 12; i++)
            {
                yield return request with { Body = Corrupted(valid, random), Description = "valid body with corrupted bytes" };
            }

            foreach (var contentType in ContentTypes)
            {
                yield return request.WithJson(Encoding.UTF8.GetString(valid)) with { ContentType = contentType, Description = "odd content type" };
            }

            yield return request.WithJson(Encoding.UTF8.GetString(valid)) with { ContentType = null, Description = "no content type" };
            yield return request with { Description = "no body" };
            foreach (var bytes in InvalidUtf8)
            {
                yield return request with { Body = bytes, Description = "invalid UTF-8" };
            }
        }
    }

    private static BodyEndpoint[] Endpoints(StoreSample sample) =>
    [
        new("POST", "/api/token", [("user", Field.Text, "\"fuzzer\"")]),
        new("POST", "/api/customers", [("name", Field.Text, "\"Ada\""), ("creditLimit", Field.Number, "100")]),
        new("POST", "/api/orders", [("customerId", Field.Number, sample.CustomerId.ToString()), ("orderTotal", Field.Number, "1.50")]),
        new("POST", "/api/products", [("name", Field.Text, "\"Cup\""), ("description", Field.Text, "\"Holds tea\""), ("price", Field.Number, "3.20")]),
        new("PUT", $"/api/products/{sample.ProductId}", [("name", Field.Text, "\"Mug\""), ("description", Field.Text, "\"Holds more tea\""), ("price", Field.Number, "4.10")]),
    ];

    /// <summary>The endpoint's valid document with <paramref name="field"/> set to <paramref name="value"/>.</summary>
    private static string Document(BodyEndpoint endpoint, string field, string value) =>
        "{" + string.Join(",", endpoint.Fields.Select(f => $"\"{f.Name}\":{(f.Name == field ? value : f.Valid)}")) + "}";

    private static IEnumerable<string> ValuesFor(Field kind, Random random)
    {
        var (own, other) = kind == Field.Text ? (HostileValues.Strings, HostileValues.Numbers) : (HostileValues.Numbers, HostileValues.Strings);
        // Every hostile value of the field's own type and every wrong type; a seeded handful of the other type's.
        return own.Concat(HostileValues.WrongTypes).Concat(random.GetItems(other, 4));
    }

    private static byte[] Corrupted(byte[] valid, Random random)
    {
        var bytes = (byte[])valid.Clone();
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;
    }
}
