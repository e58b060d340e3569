using System.Buffers.Binary;

namespace Parity.S3.Payload;

/// <summary>
/// The table-driven, bit-reflected CRC that CRC32, CRC32C and CRC64NVME all are: initial value and final XOR of all
/// ones, differing only in width and polynomial.
/// </summary>
internal sealed class ReflectedCrc : IRunningChecksum
{
    private static readonly ulong[] Crc32Table = BuildTable(0xEDB88320);
    private static readonly ulong[] Crc32CTable = BuildTable(0x82F63B78);
    private static readonly ulong[] Crc64NvmeTable = BuildTable(0x9A6C9329AC4BC9B5);

    private readonly ulong[] table;
    private readonly int width;
    private readonly ulong mask;
    private ulong state;

    private ReflectedCrc(ulong[] table, int width)
    {
        this.table = table;
        this.width = width;
        mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        state = mask;
    }

    public static ReflectedCrc Crc32() => new(Crc32Table, 32);

    public static ReflectedCrc Crc32C() => new(Crc32CTable, 32);

    public static ReflectedCrc Crc64Nvme() => new(Crc64NvmeTable, 64);

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = state;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        state = crc;
    }

    public byte[] Finish()
    {
        var value = state ^ mask;
        state = mask;
        var digest = new byte[width / 8];
        if (width == 64)
        {
            BinaryPrimitives.WriteUInt64BigEndian(digest, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest, (uint)value);
        }

        return digest;
    }

    private static ulong[] BuildTable(ulong reflectedPolynomial)
    {
        var table = new ulong[256];
        for (ulong i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ reflectedPolynomial : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }
}
