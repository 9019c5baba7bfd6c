namespace BrokenTool;

public static class Broken
{
    public static double Rate => spikeCount / duration;
}
