namespace NeuroRnn.Models;

/// <summary>
/// A named block of consecutive units of a multi-area network. Areas are laid out in the order given, so
/// area k holds the units after those of areas 0…k−1.
/// </summary>
/// <param name="Name">Area name, e.g. "V1".</param>
/// <param name="Size">Number of units in the area (positive).</param>
public sealed record NetworkArea(string Name, int Size);
