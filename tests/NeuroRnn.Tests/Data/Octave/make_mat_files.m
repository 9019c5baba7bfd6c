% Writes MAT v5 files with GNU Octave (not with NeuroRnn) for the cross-reader tests, plus the same values as text
% with 17 significant digits, so the test compares what NeuroRnn reads with what Octave wrote, value for value.
% Usage: octave --no-gui --quiet --no-window-system make_mat_files.m FOLDER
args = argv();
folder = args{1};
mkdir(folder);

% A recording in MATLAB's usual layout: units x time x trials, counts; time axis and a trial table as a struct.
data = floor(reshape(sin((1:4*25*6) * 0.37) * 6 + 6, 4, 25, 6));
time_ms = -100 + 10 * (0:24);
trials.orientation = [0 45 90 135 0 45];
trials.contrast = [1 1 0.5 0.5 1 0.25];
units.id = int32([11 12 13 14]);
units.area = {'V1', 'V1', 'LM', 'AL'};

% Values of every numeric class and shapes a reader gets wrong easily.
rates = reshape(sin((1:120) * 0.37) * 50 + 50, 4, 5, 6);
tiny = [realmin, -realmin / 4, eps, pi * 1e300, -0];
s = single(reshape(1:12, 3, 4) / 7);
i8 = int8([-128 -1 0 1 127]);
i16 = int16([-32768 -1 0 1 32767]);
u16 = uint16([0 1 65535]);
i32 = int32([-2147483648 0 2147483647]);
u8 = uint8(0:51:255);
i64 = int64([-9007199254740992 0 9007199254740992]);
flags = logical([1 0 1; 0 1 0]);
label = 'V1 gratings';
names = ['abc'; 'xyz'];
empty = zeros(0, 3);
z = complex([1 2], [3 -4]);
sp = sparse([1 3], [2 2], [5 7], 3, 3);
meta.session = 'mouse-3';
meta.rig.sampling_hz = 1000;
meta.rig.gain = [1.5 2.5];
c = {1:3, 'text', {int8(-4)}};
sa = struct('id', {1, 2, 3}, 'tag', {'a', 'bb', 'ccc'});

vars = {'data', 'time_ms', 'trials', 'units', 'rates', 'tiny', 's', 'i8', 'i16', 'u16', 'i32', 'u8', 'i64', ...
        'flags', 'label', 'names', 'empty', 'z', 'sp', 'meta', 'c', 'sa'};
save('-v6', fullfile(folder, 'octave-v6.mat'), vars{:});
save('-v7', fullfile(folder, 'octave-v7.mat'), vars{:});

% The expected values, column-major, one per line.
function dump(folder, name, values)
  f = fopen(fullfile(folder, [name '.txt']), 'w');
  fprintf(f, '%.17g\n', double(values(:)));
  fclose(f);
end
dump(folder, 'data', data);
dump(folder, 'rates', rates);
dump(folder, 'tiny', tiny);
dump(folder, 's', s);
dump(folder, 'i64', i64);
