using System.Buffers.Binary;

namespace HelloLambda;

/// <summary>
/// An item's shelf label: its SKU as a Code 39 barcode (whose alphabet holds every SKU character: A-Z, 0-9 and '-'),
/// drawn as a black-and-white PNG. The image data is stored without compression (a label is a few hundred bytes
/// either way), so the encoder needs nothing but the format and writes the same bytes on every runtime.
/// </summary>
public static class ShelfLabel
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-*";

    // Per character, nine elements from the left, bar first, alternating bar and space; a set bit (most significant
    // first) is a wide element. '*' starts and ends every code.
    private static readonly int[] Patterns =
    [
        0x034, 0x121, 0x061, 0x160, 0x031, 0x130, 0x070, 0x025, 0x124, 0x064,
        0x109, 0x049, 0x148, 0x019, 0x118, 0x058, 0x00D, 0x10C, 0x04C, 0x01C,
        0x103, 0x043, 0x142, 0x013, 0x112, 0x052, 0x007, 0x106, 0x046, 0x016,
        0x181, 0x0C1, 0x1C0, 0x091, 0x190, 0x0D0, 0x085, 0x094,
    ];

    private const int Wide = 3;
    private const int QuietZone = 10;
    private const int Height = 24;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The label of <paramref name="sku"/> as PNG bytes.</summary>
    /// <exception cref="ArgumentException">The SKU has a character Code 39 cannot encode.</exception>
    public static byte[] Png(string sku)
    {
        var bars = Bars("*" + sku + "*");
        var width = QuietZone + bars.Count + QuietZone;
        var rowBytes = (width + 7) / 8;

        // One row (filter type 0, then 1 bit per pixel, 0 black and 1 white), repeated for every line of the image.
        var row = new byte[1 + rowBytes];
        for (var x = 0; x < width; x++)
        {
            var black = x >= QuietZone && x < QuietZone + bars.Count && bars[x - QuietZone];
            if (!black)
            {
                row[1 + (x / 8)] |= (byte)(0x80 >> (x % 8));
            }
        }

        var pixels = new byte[row.Length * Height];
        for (var y = 0; y < Height; y++)
        {
            row.CopyTo(pixels, y * row.Length);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 1; // bit depth; color type 0 (grayscale), default compression, filter and no interlace follow

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", ZlibStored(pixels));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The code's modules, left to right: true for black. Narrow elements are one module, wide ones three; one narrow space separates characters.</summary>
    private static List<bool> Bars(string code)
    {
        var bars = new List<bool>();
        for (var c = 0; c < code.Length; c++)
        {
            var index = Alphabet.IndexOf(code[c], StringComparison.Ordinal);
            if (index < 0 || (code[c] == '*' && c != 0 && c != code.Length - 1))
            {
                throw new ArgumentException($"Code 39 cannot encode '{code[c]}'.", nameof(code));
            }

            if (c > 0)
            {
                bars.Add(false);
            }

            for (var element = 0; element < 9; element++)
            {
                var wide = (Patterns[index] & (0x100 >> element)) != 0;
                bars.AddRange(Enumerable.Repeat(element % 2 == 0, wide ? Wide : 1));
            }
        }

        return bars;
    }

    /// <summary>A zlib stream of stored (uncompressed) deflate blocks: header, blocks of up to 65535 bytes, Adler-32.</summary>
    private static byte[] ZlibStored(byte[] data)
    {
        using var zlib = new MemoryStream();
        zlib.Write([0x78, 0x01]);
        Span<byte> block = stackalloc byte[5];
        var offset = 0;
        do
        {
            var length = Math.Min(data.Length - offset, ushort.MaxValue);
            block[0] = (byte)(offset + length == data.Length ? 1 : 0); // BFINAL, BTYPE 00 (stored)
            BinaryPrimitives.WriteUInt16LittleEndian(block[1..], (ushort)length);
            BinaryPrimitives.WriteUInt16LittleEndian(block[3..], (ushort)~length);
            zlib.Write(block);
            zlib.Write(data, offset, length);
            offset += length;
        }
        while (offset < data.Length);

        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }

        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, (b << 16) | a);
        zlib.Write(adler);
        return zlib.ToArray();
    }

    /// <summary>A PNG chunk: length, type, data, and the CRC-32 of type and data.</summary>
    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(field, data.Length);
        png.Write(field);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(field, Crc32(Crc32(uint.MaxValue, typeBytes), data) ^ uint.MaxValue);
        png.Write(field);
    }

    private static uint Crc32(uint crc, byte[] data)
    {
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc;
    }
}
