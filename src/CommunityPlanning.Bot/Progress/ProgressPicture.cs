using CommunityPlanning.Domain;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;
using SkiaSharp;

namespace CommunityPlanning.Bot.Progress;

/// <summary>
/// Draws the picture of a plan's progress as a PNG: one row a stage of L-E-A-D, one tile a step, each tile saying
/// in words as well as colour whether the step is done, the one the group is on now, or still to do. Colours are
/// from the Okabe–Ito palette (told apart with every common colour-vision deficiency), each tile's words at 5:1 or
/// more against it, and the tiles differ in shape too (a filled tile with a tick, a heavy black border, a dashed
/// outline). The font is bundled (DejaVu Sans Bold, see Fonts/LICENSE.txt), so the picture is the same on every
/// server; the same marks always give the same bytes.
/// </summary>
internal static class ProgressPicture
{
    /// <summary>The picture's width in pixels.</summary>
    public const int Width = 640;

    /// <summary>The picture's height in pixels.</summary>
    public const int Height = 384;

    /// <summary>A done step's tile (Okabe–Ito blue; white words at 5.2:1).</summary>
    public static readonly SKColor DoneFill = new(0x00, 0x72, 0xB2);

    /// <summary>The current step's tile (Okabe–Ito orange; black words at 9.3:1, and a black border).</summary>
    public static readonly SKColor CurrentFill = new(0xE6, 0x9F, 0x00);

    /// <summary>A step still to do: white, with a dashed dark grey outline.</summary>
    public static readonly SKColor ToDoFill = SKColors.White;

    private const int Margin = 12;
    private const int RowHeight = 84;
    private const int RowGap = 8;
    private const int LabelWidth = 176;
    private const int TileWidth = 138;
    private const int TileGap = 10;
    private const int TileInset = 8;

    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor RowFill = new(0xF0, 0xF0, 0xF0);
    private static readonly SKColor ToDoOutline = new(0x59, 0x59, 0x59);
    /// <summary>The bundled font.</summary>
    internal static readonly SKTypeface Typeface = LoadTypeface();

    /// <summary>The tile of a step (1 to 9), for tests and for anyone checking the layout.</summary>
    public static SKRect Tile(int step)
    {
        var definition = StepCatalogue.Get(step);
        var row = (int)definition.Stage;
        var column = StepCatalogue.All.Where(s => s.Stage == definition.Stage).TakeWhile(s => s.Number != step).Count();
        var left = Margin + LabelWidth + (column * (TileWidth + TileGap));
        var top = Margin + (row * (RowHeight + RowGap)) + TileInset;
        return new SKRect(left, top, left + TileWidth, top + RowHeight - (2 * TileInset));
    }

    /// <summary>The picture of <paramref name="marks"/> as PNG bytes.</summary>
    public static byte[] Render(ProgressMarks marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var large = Font(40);
        using var medium = Font(21);
        using var small = Font(18);
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var top = Margin + ((int)stage * (RowHeight + RowGap));
            fill.Color = RowFill;
            canvas.DrawRoundRect(new SKRect(Margin, top, Width - Margin, top + RowHeight), 10, 10, fill);
            fill.Color = Ink;
            canvas.DrawText(stage.Letter().ToString(), Margin + 14, top + 57, SKTextAlign.Left, large, fill);
            canvas.DrawText(stage.ToString(), Margin + 52, top + 52, SKTextAlign.Left, medium, fill);
        }

        foreach (var step in StepCatalogue.All)
        {
            DrawTile(canvas, Tile(step.Number), step.Number, marks.Marks[step.Number - 1], medium, small);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void DrawTile(SKCanvas canvas, SKRect tile, int step, StepMark mark, SKFont title, SKFont word)
    {
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        const float radius = 8;
        switch (mark)
        {
            case StepMark.Done:
                paint.Color = DoneFill;
                canvas.DrawRoundRect(tile, radius, radius, paint);
                break;
            case StepMark.Current:
                paint.Color = CurrentFill;
                canvas.DrawRoundRect(tile, radius, radius, paint);
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = 4;
                paint.Color = SKColors.Black;
                var inner = tile;
                inner.Inflate(-2, -2);
                canvas.DrawRoundRect(inner, radius - 2, radius - 2, paint);
                break;
            default:
                paint.Color = ToDoFill;
                canvas.DrawRoundRect(tile, radius, radius, paint);
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = 2;
                paint.Color = ToDoOutline;
                using (var dashes = SKPathEffect.CreateDash([8, 6], 0))
                {
                    paint.PathEffect = dashes;
                    var outline = tile;
                    outline.Inflate(-1, -1);
                    canvas.DrawRoundRect(outline, radius, radius, paint);
                    paint.PathEffect = null;
                }

                break;
        }

        paint.Style = SKPaintStyle.Fill;
        paint.Color = mark == StepMark.Done ? SKColors.White : mark == StepMark.Current ? SKColors.Black : Ink;
        var centre = tile.MidX;
        canvas.DrawText($"Step {step}", centre, tile.Top + 28, SKTextAlign.Center, title, paint);
        canvas.DrawText(Word(mark), centre, tile.Top + 55, SKTextAlign.Center, word, paint);
    }

    /// <summary>The words on a tile: what the mark means, never colour alone.</summary>
    public static string Word(StepMark mark) => mark switch
    {
        StepMark.Done => "\u2713 Done",
        StepMark.Current => "\u25B6 Now",
        _ => "To do",
    };

    // Plain outlines, no hinting or subpixel positioning: the same pixels whatever the machine.
    private static SKFont Font(float size) => new(Typeface, size)
    {
        Edging = SKFontEdging.Antialias,
        Hinting = SKFontHinting.None,
        Subpixel = false,
    };

    private static SKTypeface LoadTypeface()
    {
        using var stream = typeof(ProgressPicture).Assembly.GetManifestResourceStream("fonts.DejaVuSans-Bold.ttf")
            ?? throw new InvalidOperationException("The bundled font fonts.DejaVuSans-Bold.ttf is missing from the host's resources.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("The bundled font fonts.DejaVuSans-Bold.ttf could not be read.");
    }
}
