using System;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for fingerprints. System.Security.Cryptography's implementation loads
/// OpenSSL (libssl, libcrypto, openssl.cnf) on Linux, which took longer than linting a flow at startup; a
/// fingerprint hashes a few hundred bytes, so speed beyond that does not matter. Not for secrets.
/// </summary>
internal static class Sha256
{
    private static readonly uint[] K =
    {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    /// <summary>The 32-byte digest of <paramref name="data"/>.</summary>
    public static byte[] Hash(byte[] data)
    {
        var digest = new byte[32];
        Hash(data, digest);
        return digest;
    }

    /// <summary>Writes the digest of <paramref name="data"/> to the first 32 bytes of <paramref name="digest"/>; allocates nothing.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        Span<uint> h = stackalloc uint[8];
        h[0] = 0x6a09e667; h[1] = 0xbb67ae85; h[2] = 0x3c6ef372; h[3] = 0xa54ff53a;
        h[4] = 0x510e527f; h[5] = 0x9b05688c; h[6] = 0x1f83d9ab; h[7] = 0x5be0cd19;
        Span<uint> w = stackalloc uint[64];

        // The message, a 0x80 byte, zeros, and the bit length as a big-endian 64-bit number, in 64-byte blocks:
        // the whole blocks straight from the input, the rest (one or two blocks) from a padded copy.
        int tailStart = data.Length / 64 * 64;
        for (int block = 0; block < tailStart; block += 64) Compress(h, w, data.Slice(block, 64));
        int rest = data.Length - tailStart;
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        int tailLength = rest + 9 <= 64 ? 64 : 128;
        data.Slice(tailStart).CopyTo(tail);
        tail[rest] = 0x80;
        long bitLength = (long)data.Length * 8;
        for (int i = 0; i < 8; i++) tail[tailLength - 1 - i] = (byte)(bitLength >> (8 * i));
        for (int block = 0; block < tailLength; block += 64) Compress(h, w, tail.Slice(block, 64));

        for (int i = 0; i < 8; i++)
        {
            digest[4 * i] = (byte)(h[i] >> 24);
            digest[4 * i + 1] = (byte)(h[i] >> 16);
            digest[4 * i + 2] = (byte)(h[i] >> 8);
            digest[4 * i + 3] = (byte)h[i];
        }
    }

    private static void Compress(Span<uint> h, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (int t = 0; t < 16; t++)
        {
            int i = 4 * t;
            w[t] = (uint)(block[i] << 24 | block[i + 1] << 16 | block[i + 2] << 8 | block[i + 3]);
        }
        for (int t = 16; t < 64; t++)
        {
            uint x = w[t - 15], y = w[t - 2];
            uint s0 = Rotr(x, 7) ^ Rotr(x, 18) ^ (x >> 3);
            uint s1 = Rotr(y, 17) ^ Rotr(y, 19) ^ (y >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        var k = K;
        for (int t = 0; t < 64; t++)
        {
            uint t1 = hh + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
            uint t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint Rotr(uint x, int n) => (x >> n) | (x << (32 - n));
}
