import { encode } from 'uqr';

type CardQrProps = { text: string; label: string };

/**
 * `text` as a QR code in SVG (uqr), black on white with a four-module quiet zone, drawn as one path so a
 * phone screen shows crisp squares at any size. Error correction "L": a screen is not scratched, and
 * fewer modules are easier for a gate camera to read. The encoded text is also in `data-credential`.
 */
export function CardQr({ text, label }: CardQrProps) {
  const { size, data } = encode(text, { ecc: 'L', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return (
    <div className="card-qr" data-credential={text} data-testid="card-qr">
      <svg
        className="card-qr__code"
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={label}
        shapeRendering="crispEdges"
        data-modules={size}
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
    </div>
  );
}
