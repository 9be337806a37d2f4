import { Star } from '@strapi/icons';

export const PluginIcon = () => <Star />;
