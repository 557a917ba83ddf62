import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RouteErrorBoundary } from './routes/error';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        // Errors render inside the layout, so the header and language switcher stay.
        errorElement: <RouteErrorBoundary />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];
