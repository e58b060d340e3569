using System.Text;

namespace EndToEnd.Tests;

/// <summary>
/// Values a hostile or careless client sends, each as the JSON text that appears in a request body, plus path segments
/// and query values. Strings are JSON-escaped here, so a lone surrogate or a NUL arrives as the client wrote it.
/// </summary>
internal static class HostileValues
{
    public static readonly string[] Strings =
    [
        "\"\"",
        "\" \"",
        "\"\\u0000\"",
        "\"Ada\\u0000Lovelace\"",
        "\"\\u0001\\u0002\\u0007\\u0008\\u001b[31m\\u001f\"",
        "\"line\\nbreak\\rreturn\\ttab\"",
        "\"\\u007f\\u0080\\u0085\\u009f\"",
        "\"\\ud800\"",
        "\"\\udfff lone low\"",
        "\"\\ud83d\\ude00 smile\"",
        "\"\\u202eevil\\u202c\"",
        "\"\\ufeffbom\"",
        "\"zero\\u200bwidth\"",
        "\"\\uffff\\ufffe\"",
        "\"'; DROP TABLE customers; --\"",
        "\"<script>alert(1)</script>\"",
        "\"../../etc/passwd\"",
        "\"{0} %s %n %x\"",
        "\"Ångström Ωmega 名前\"",
        "\"\\\\\\\"escaped\\\\\"",
        Long("a", 201),
        Long("é", 4001),
        Long("x", 100_000),
    ];

    public static readonly string[] Numbers =
    [
        "0", "-0", "-1", "-0.01", "0.001", "1.005", "12.34", "1e2", "1E-300", "1e308", "-1e308",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "9999999999999999.99", "10000000000000000", "79228162514264337593543950335", "79228162514264337593543950336",
        "1.0000000000000000000000000001", "123456789012345678901234567890123456789",
    ];

    /// <summary>Not JSON numbers, or numbers in the wrong clothes: each must be refused, not coerced.</summary>
    public static readonly string[] WrongTypes =
    [
        "null", "true", "false", "[]", "{}", "[1]", "{\"value\":1}", "\"12\"", "\"lots\"", "\"NaN\"", "\"Infinity\"",
    ];

    /// <summary>Request bodies that are not the JSON they claim to be.</summary>
    public static readonly string[] MalformedDocuments =
    [
        "", " ", "null", "[]", "\"text\"", "42", "{", "}", "{\"name\":", "{\"name\":\"Ada\",}", "{'name':'Ada'}",
        "{name:\"Ada\"}", "{\"name\":\"Ada\" /* comment */}", "{\"name\":\"Ada\"}{\"name\":\"Bob\"}", "{\"name\":\"Ada\"",
        "{\"creditLimit\":NaN}", "{\"creditLimit\":Infinity}", "{\"creditLimit\":0x10}", "{\"creditLimit\":012}",
        "{\"creditLimit\":1.}", "{\"creditLimit\":.5}", "{\"creditLimit\":+1}", "\u0000", "\ufeff{}", "<xml/>",
        "{\"name\":\"Ada\",\"name\":\"Bob\",\"creditLimit\":1}", "{\"\\ud800\":1}",
    ];

    public static readonly string[] PathSegments =
    [
        "0", "-1", "1", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1.5", "1e3", "0x10", "abc",
        "%00", "%01", "%7F", "%ff", "%C0%AF", "%ED%A0%80", "%2e%2e", "%2e%2e%2f%2e%2e", "..%2f..%2fhealth", "%20", "+",
        "1;drop", "1%3Bdrop", "%E2%80%AE", "%F0%9F%98%80", "00000000-0000-0000-0000-000000000000",
        "not-a-guid", "{00000000-0000-0000-0000-000000000000}", new string('9', 400), new string('a', 4000),
    ];

    public static readonly string[] QueryValues =
    [
        "", "0", "-1", "1", "abc", "1e3", "2147483648", "-2147483649", "9223372036854775808", "%00", "%ff", "1%00",
        "%ED%A0%80", "1&limit=1&limit=2", new string('7', 500),
    ];

    /// <summary>The depth at which System.Text.Json stops by default is 64; far beyond it and just beyond it.</summary>
    public static string NestedArrays(int depth) => new string('[', depth) + new string(']', depth);

    public static string NestedObjects(int depth)
    {
        var json = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            json.Append("{\"name\":");
        }

        json.Append("\"Ada\"");
        json.Append('}', depth);
        return json.ToString();
    }

    private static string Long(string character, int count) => $"\"{string.Concat(Enumerable.Repeat(character, count))}\"";
}
