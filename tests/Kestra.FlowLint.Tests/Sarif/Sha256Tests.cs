using System.Security.Cryptography;
using System.Text;
using Kestra.FlowLint.Reporting;

namespace Kestra.FlowLint.Tests.Sarif;

/// <summary>Fingerprints (flowlint/v1) are SHA-256: the managed implementation must agree with the platform's to the bit.</summary>
[TestClass]
public class Sha256Tests
{
    [TestMethod]
    public void Known_answers_from_fips_180_4()
    {
        Hex(Sha256.Hash(Array.Empty<byte>())).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Hex(Sha256.Hash(Encoding.ASCII.GetBytes("abc"))).ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Hex(Sha256.Hash(Encoding.ASCII.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
            .ShouldBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    [TestMethod]
    public void Agrees_with_the_platform_at_every_length_around_the_block_and_padding_edges()
    {
        // 55, 56 and 64 bytes are where the length field moves to a second block; a few long inputs for the multi-block path.
        var random = new Random(7);
        foreach (int length in Enumerable.Range(0, 200).Concat(new[] { 1_000, 4_096, 65_537 }))
        {
            var data = new byte[length];
            random.NextBytes(data);
            Hex(Sha256.Hash(data)).ShouldBe(Hex(SHA256.HashData(data)), $"{length} bytes");
        }
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
