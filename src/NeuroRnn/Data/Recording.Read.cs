namespace NeuroRnn.Data;

public sealed partial class Recording
{
    /// <summary>
    /// Reads a recording from any supported file — NPZ (NeuroRnn layout), NPY, MAT v5, MAT v7.3, NWB, CSV (long or
    /// wide) or a spike-time table — found by its magic bytes, extension and header (see <see cref="RecordingFormats"/>).
    /// The frame's <see cref="Provenance"/> records the file, the reader, the options and any warnings.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Column and dimension mapping, time unit, alignment and binning; null = defaults.</param>
    /// <exception cref="RecordingFormatException">The file is missing, of unknown format, corrupt, or does not fit the
    /// options; the message names the file and the column, variable, dimension or HDF5 object.</exception>
    public static Recording Read(string path, RecordingReadOptions? options = null) => RecordingFormats.Read(path, options);
}
