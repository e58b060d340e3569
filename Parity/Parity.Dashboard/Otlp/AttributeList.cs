using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Parity.Dashboard.Otlp;

/// <summary>
/// An item's attributes as one array, searched in order: items carry a handful, and an array holds them in a third of
/// a dictionary's memory, which counts when the store keeps tens of thousands of items.
/// </summary>
internal sealed class AttributeList(KeyValuePair<string, string>[] attributes) : IReadOnlyDictionary<string, string>
{
    /// <summary>Beyond this many attributes a dictionary's lookups pay for its memory.</summary>
    public const int MaxLength = 8;

    /// <summary>Of a repeated key the last value wins, as in a dictionary.</summary>
    public static AttributeList Of(IEnumerable<KeyValuePair<string, string>> pairs, int count)
    {
        var items = new KeyValuePair<string, string>[count];
        var distinct = 0;
        foreach (var pair in pairs)
        {
            var index = Array.FindIndex(items, 0, distinct, item => item.Key == pair.Key);
            items[index < 0 ? distinct++ : index] = pair;
        }

        return new AttributeList(distinct == count ? items : items[..distinct]);
    }

    public int Count => attributes.Length;

    public IEnumerable<string> Keys => attributes.Select(a => a.Key);

    public IEnumerable<string> Values => attributes.Select(a => a.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Key == key)
            {
                value = attribute.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)attributes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
