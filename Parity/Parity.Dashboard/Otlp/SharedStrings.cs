namespace Parity.Dashboard.Otlp;

/// <summary>
/// One instance for strings that arrive again and again (attribute keys, span and metric names, methods, hosts, status
/// codes): the store keeps every item's strings, and most of them repeat. Direct-mapped and lossy, so its memory is
/// bounded: a slot holds the last string hashed to it, and a value seen once costs no more than its own copy.
/// </summary>
internal static class SharedStrings
{
    private const int MaxLength = 128;
    private static readonly string?[] Slots = new string?[8192];

    public static string Share(string value)
    {
        if (value.Length > MaxLength)
        {
            return value;
        }

        // A race between receivers only loses a sharing: a slot is a single reference, read and written whole.
        ref var slot = ref Slots[value.GetHashCode() & (Slots.Length - 1)];
        if (slot is { } shared && string.Equals(shared, value, StringComparison.Ordinal))
        {
            return shared;
        }

        slot = value;
        return value;
    }
}
