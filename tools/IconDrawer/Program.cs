// Run from the repository root: dotnet run --project tools/IconDrawer -- manifest/teams
using SkiaSharp;

// Draws the two Teams icons: a white map pin with a tick (the plan, on the map of the parish)
// on a calm green rounded square, and the same motif in white on transparent for the outline.
var outputDirectory = args.Length > 0 ? args[0] : Path.Combine("manifest", "teams");
Directory.CreateDirectory(outputDirectory);

var green = new SKColor(0x2E, 0x7D, 0x5B);

Save(DrawColour(192, green), Path.Combine(outputDirectory, "color.png"));
Save(DrawOutline(32), Path.Combine(outputDirectory, "outline.png"));
Console.WriteLine($"Wrote color.png and outline.png to {Path.GetFullPath(outputDirectory)}");

static SKBitmap DrawColour(int size, SKColor green)
{
    var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
    using var canvas = new SKCanvas(bitmap);
    canvas.Clear(SKColors.Transparent);

    using var background = new SKPaint { Color = green, IsAntialias = true, Style = SKPaintStyle.Fill };
    var radius = size * 0.2f;
    canvas.DrawRoundRect(new SKRect(0, 0, size, size), radius, radius, background);

    // The motif is designed on a 32-unit grid; use the middle 72% of the square.
    var scale = size * 0.72f / 32f;
    var offset = (size - (32f * scale)) / 2f;
    canvas.Translate(offset, offset);
    canvas.Scale(scale);

    using var pin = PinPath();
    using var white = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
    canvas.DrawPath(pin, white);

    using var tick = TickPath();
    using var tickPaint = new SKPaint
    {
        Color = green,
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = 2.6f,
        StrokeCap = SKStrokeCap.Round,
        StrokeJoin = SKStrokeJoin.Round,
    };
    canvas.DrawPath(tick, tickPaint);
    return bitmap;
}

static SKBitmap DrawOutline(int size)
{
    var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
    using (var canvas = new SKCanvas(bitmap))
    {
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(size / 32f);

        using var pin = PinPath();
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawPath(pin, white);

        // Cut the tick out of the pin so it shows whatever Teams puts behind it.
        using var tick = TickPath();
        using var cut = new SKPaint
        {
            BlendMode = SKBlendMode.Clear,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 2.6f,
            StrokeCap = SKStrokeCap.Round,
            StrokeJoin = SKStrokeJoin.Round,
        };
        canvas.DrawPath(tick, cut);
    }

    // Teams wants only white and transparency: keep each pixel's coverage as alpha and make its
    // colour pure white, so antialiased edges never turn grey.
    var clean = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
    for (var y = 0; y < size; y++)
    {
        for (var x = 0; x < size; x++)
        {
            var alpha = bitmap.GetPixel(x, y).Alpha;
            clean.SetPixel(x, y, new SKColor(255, 255, 255, alpha));
        }
    }

    bitmap.Dispose();
    return clean;
}

static SKPath PinPath()
{
    // A circle of radius 9 centred at (16, 12.5) with tangent lines to the point at (16, 29.5).
    const float cx = 16f, cy = 12.5f, r = 9f, tipY = 29.5f;
    var distance = tipY - cy;
    var half = MathF.Acos(r / distance) * 180f / MathF.PI;
    using var path = new SKPathBuilder();
    path.MoveTo(cx, tipY);
    var start = 90f + half;
    var startRadians = start * MathF.PI / 180f;
    path.LineTo(cx + (r * MathF.Cos(startRadians)), cy + (r * MathF.Sin(startRadians)));
    path.ArcTo(new SKRect(cx - r, cy - r, cx + r, cy + r), start, 360f - (2f * half), false);
    path.Close();
    return path.Detach();
}

static SKPath TickPath()
{
    using var path = new SKPathBuilder();
    path.MoveTo(11.8f, 12.8f);
    path.LineTo(14.8f, 15.8f);
    path.LineTo(20.3f, 9.6f);
    return path.Detach();
}

static void Save(SKBitmap bitmap, string path)
{
    using (bitmap)
    using (var image = SKImage.FromBitmap(bitmap))
    using (var data = image.Encode(SKEncodedImageFormat.Png, 100))
    using (var stream = File.Create(path))
    {
        data.SaveTo(stream);
    }
}
