namespace SchemaTasks.Migrations;

/// <summary>
/// SHA-256 (FIPS 180-4) whose running state can be read without ending it and copied. Atlas
/// records, for each migration file, the hash of every file name and file so far: one pass over
/// the folder needs the hash after each file, and trying a file with and without its byte-order
/// mark needs a copy. .NET Framework, which the build task also runs on, has neither.
/// </summary>
internal sealed class RunningSha256
{
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    private readonly byte[] _block = new byte[64];
    private readonly uint[] _words = new uint[64];
    private int _filled;
    private long _length;

    /// <summary>A copy that goes on independently from here.</summary>
    public RunningSha256 Copy()
    {
        var copy = new RunningSha256 { _filled = _filled, _length = _length };
        Array.Copy(_state, copy._state, _state.Length);
        Array.Copy(_block, copy._block, _block.Length);
        return copy;
    }

    public void Append(byte[] data)
    {
        foreach (var b in data)
        {
            _block[_filled++] = b;
            if (_filled == 64)
            {
                Compress();
                _filled = 0;
            }
        }

        _length += data.Length;
    }

    /// <summary>The hash of everything appended so far; appending may go on after.</summary>
    public byte[] Current()
    {
        var end = Copy();
        var bits = end._length * 8;
        end.Append([0x80]);
        while (end._filled != 56) end.Append([0]);
        var length = new byte[8];
        for (var i = 0; i < 8; i++) length[i] = (byte)(bits >> (56 - (8 * i)));
        end.Append(length);
        var hash = new byte[32];
        for (var i = 0; i < 32; i++) hash[i] = (byte)(end._state[i / 4] >> (24 - (8 * (i % 4))));
        return hash;
    }

    private void Compress()
    {
        var w = _words;
        for (var i = 0; i < 16; i++) w[i] = ((uint)_block[i * 4] << 24) | ((uint)_block[(i * 4) + 1] << 16) | ((uint)_block[(i * 4) + 2] << 8) | _block[(i * 4) + 3];
        for (var i = 16; i < 64; i++)
        {
            var s0 = Rotate(w[i - 15], 7) ^ Rotate(w[i - 15], 18) ^ (w[i - 15] >> 3);
            var s1 = Rotate(w[i - 2], 17) ^ Rotate(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }

        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3], e = _state[4], f = _state[5], g = _state[6], h = _state[7];
        for (var i = 0; i < 64; i++)
        {
            var t1 = h + (Rotate(e, 6) ^ Rotate(e, 11) ^ Rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            var t2 = (Rotate(a, 2) ^ Rotate(a, 13) ^ Rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        _state[0] += a;
        _state[1] += b;
        _state[2] += c;
        _state[3] += d;
        _state[4] += e;
        _state[5] += f;
        _state[6] += g;
        _state[7] += h;
    }

    private static uint Rotate(uint value, int count) => (value >> count) | (value << (32 - count));
}
