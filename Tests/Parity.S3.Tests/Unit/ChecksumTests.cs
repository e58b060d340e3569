using System.Text;
using Parity.S3.Payload;

namespace Parity.S3.Tests.Unit;

/// <summary>The CRCs against their catalogued check values (the CRC of "123456789").</summary>
public sealed class ChecksumTests
{
    [Theory]
    [InlineData("CRC32", "CBF43926")]
    [InlineData("CRC32C", "E3069283")]
    [InlineData("CRC64NVME", "AE8B14860A799888")]
    public void Produces_the_catalogued_check_value_even_when_fed_in_pieces(string algorithm, string checkValue)
    {
        var checksum = ChecksumAlgorithm.FromName(algorithm)!.Create();
        checksum.Append(Encoding.ASCII.GetBytes("1234"));
        checksum.Append(Encoding.ASCII.GetBytes("56789"));

        Assert.Equal(checkValue, Convert.ToHexString(checksum.Finish()));
    }

    [Fact]
    public void Names_the_header_each_checksum_travels_in()
    {
        Assert.Equal("x-amz-checksum-crc64nvme", ChecksumAlgorithm.FromName("CRC64NVME")!.HeaderName);
        Assert.Equal("SHA256", ChecksumAlgorithm.FromHeaderName("X-Amz-Checksum-Sha256")!.Name);
    }
}
