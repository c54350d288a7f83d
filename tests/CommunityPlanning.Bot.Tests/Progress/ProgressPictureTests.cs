using CommunityPlanning.Bot.Progress;
using CommunityPlanning.Domain.Plans;
using SkiaSharp;

namespace CommunityPlanning.Bot.Tests.Progress;

/// <summary>The progress picture: its size, a few known pixels, its words, and the same bytes every time.</summary>
public sealed class ProgressPictureTests
{
    [Fact]
    public void Render_StepsDoneCurrentAndToDo_PngOfTheSizeWithEachTileInItsColour()
    {
        var marks = Marks("ddctttttt");

        using var bitmap = SKBitmap.Decode(ProgressPicture.Render(marks));

        Assert.Equal(ProgressPicture.Width, bitmap.Width);
        Assert.Equal(ProgressPicture.Height, bitmap.Height);
        Assert.Equal(ProgressPicture.DoneFill, Inside(bitmap, 1));
        Assert.Equal(ProgressPicture.DoneFill, Inside(bitmap, 2));
        Assert.Equal(ProgressPicture.CurrentFill, Inside(bitmap, 3));
        Assert.Equal(ProgressPicture.ToDoFill, Inside(bitmap, 4));
        Assert.Equal(ProgressPicture.ToDoFill, Inside(bitmap, 9));
    }

    [Fact]
    public void Render_CurrentStep_HasAHeavyBlackBorder()
    {
        using var bitmap = SKBitmap.Decode(ProgressPicture.Render(Marks("ddddctttt")));
        var tile = ProgressPicture.Tile(5);

        Assert.Equal(SKColors.Black, bitmap.GetPixel((int)tile.MidX, (int)tile.Top + 2));
        Assert.Equal(ProgressPicture.CurrentFill, Inside(bitmap, 5));
    }

    [Fact]
    public void Render_SameMarks_SameBytes_OtherMarks_OtherBytes()
    {
        var first = ProgressPicture.Render(Marks("dddcttttt"));
        var again = ProgressPicture.Render(Marks("dddcttttt"));
        var other = ProgressPicture.Render(Marks("ddddctttt"));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Render_TilesCarryWords_DrawnInInkThatContrasts()
    {
        // Each tile's words are drawn: some pixels in the tile's middle band differ from its fill.
        using var bitmap = SKBitmap.Decode(ProgressPicture.Render(Marks("dcttttttt")));
        foreach (var (step, fill) in new[] { (1, ProgressPicture.DoneFill), (2, ProgressPicture.CurrentFill), (3, ProgressPicture.ToDoFill) })
        {
            var tile = ProgressPicture.Tile(step);
            var inked = Enumerable.Range((int)tile.Left + 20, (int)tile.Width - 40)
                .SelectMany(x => Enumerable.Range((int)tile.Top + 40, 20).Select(y => bitmap.GetPixel(x, y)))
                .Count(p => p != fill);
            Assert.True(inked > 40, $"Step {step}'s word is not drawn ({inked} inked pixels).");
        }
    }

    [Theory]
    [InlineData(StepMark.Done)]
    [InlineData(StepMark.Current)]
    [InlineData(StepMark.ToDo)]
    public void Word_EveryMark_BundledFontHasEveryGlyph(StepMark mark)
    {
        using var font = new SKFont(ProgressPicture.Typeface);

        Assert.True(font.ContainsGlyphs(ProgressPicture.Word(mark)), $"The bundled font cannot draw \"{ProgressPicture.Word(mark)}\".");
    }

    [Fact]
    public void Cache_SameMarksTwice_DrawsOnce()
    {
        using var cache = new ProgressPictureCache();

        var first = cache.Get(Marks("ctttttttt"));
        var second = cache.Get(Marks("ctttttttt"));
        cache.Get(Marks("dcttttttt"));

        Assert.Same(first, second);
        Assert.Equal(2, cache.Drawn);
    }

    private static SKColor Inside(SKBitmap bitmap, int step)
    {
        var tile = ProgressPicture.Tile(step);
        return bitmap.GetPixel((int)tile.Left + 10, (int)tile.Top + 10);
    }

    private static ProgressMarks Marks(string code)
    {
        Assert.True(ProgressMarks.TryParse(code, out var marks));
        return marks;
    }
}
