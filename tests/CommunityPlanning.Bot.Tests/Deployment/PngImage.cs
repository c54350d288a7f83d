using System.Buffers.Binary;
using System.IO.Compression;

namespace CommunityPlanning.Bot.Tests.Deployment;

/// <summary>
/// A minimal PNG reader for the icon tests: the IHDR header and, for 8-bit RGBA non-interlaced images,
/// the pixels (IDAT inflated and unfiltered). Enough to check sizes and colours without an imaging library.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, byte bitDepth, byte colourType, byte interlace, byte[] compressed)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        Interlace = interlace;
        Compressed = compressed;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>6 = RGBA.</summary>
    public byte ColourType { get; }

    public byte Interlace { get; }

    private byte[] Compressed { get; }

    public static PngImage Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG file.");
        }

        int? width = null, height = null;
        byte bitDepth = 0, colourType = 0, interlace = 0;
        using var idat = new MemoryStream();
        var offset = Signature.Length;
        while (offset + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colourType = data[9];
                    interlace = data[12];
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            offset += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        if (width is null || height is null)
        {
            throw new InvalidDataException($"{path} has no IHDR chunk.");
        }

        return new PngImage(width.Value, height.Value, bitDepth, colourType, interlace, idat.ToArray());
    }

    /// <summary>Decodes an 8-bit RGBA, non-interlaced image into rows of R, G, B, A bytes.</summary>
    public byte[][] ReadRgbaRows()
    {
        if (BitDepth != 8 || ColourType != 6 || Interlace != 0)
        {
            throw new NotSupportedException($"Only 8-bit RGBA non-interlaced PNGs are decoded (bit depth {BitDepth}, colour type {ColourType}, interlace {Interlace}).");
        }

        const int bytesPerPixel = 4;
        var stride = Width * bytesPerPixel;
        using var inflater = new ZLibStream(new MemoryStream(Compressed), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var data = raw.ToArray();
        if (data.Length != Height * (stride + 1))
        {
            throw new InvalidDataException($"Expected {Height * (stride + 1)} bytes of image data, found {data.Length}.");
        }

        var rows = new byte[Height][];
        var previous = new byte[stride];
        for (var y = 0; y < Height; y++)
        {
            var filter = data[y * (stride + 1)];
            var row = data.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var x = 0; x < stride; x++)
            {
                var left = x >= bytesPerPixel ? row[x - bytesPerPixel] : 0;
                var up = previous[x];
                var upLeft = x >= bytesPerPixel ? previous[x - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter} on row {y}."),
                };
                row[x] = (byte)(row[x] + predictor);
            }

            rows[y] = row;
            previous = row;
        }

        return rows;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var toLeft = Math.Abs(estimate - left);
        var toUp = Math.Abs(estimate - up);
        var toUpLeft = Math.Abs(estimate - upLeft);
        if (toLeft <= toUp && toLeft <= toUpLeft)
        {
            return left;
        }

        return toUp <= toUpLeft ? up : upLeft;
    }
}
