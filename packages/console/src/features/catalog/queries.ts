import { graphql } from '@/gql';

export const CatalogOptionsQuery = graphql(`
  query CatalogOptions {
    categories {
      id
      code
      name
      parentId
      path
      version
    }
    brands {
      id
      name
      version
    }
  }
`);

export const ProductsQuery = graphql(`
  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {
    products(filter: $filter, sort: $sort, page: $page) {
      total
      offset
      limit
      items {
        id
        code
        name
        baseUnit
        active
        batchTracked
        serialTracked
        category {
          id
          name
        }
        brand {
          id
          name
        }
        skus {
          id
        }
      }
    }
  }
`);

export const ProductQuery = graphql(`
  query Product($id: ID!) {
    product(id: $id) {
      id
      code
      name
      categoryId
      brandId
      baseUnit
      unitScale
      shelfLifeDays
      storageCondition
      storageTempMin
      storageTempMax
      storageHumidityMin
      storageHumidityMax
      storageDark
      hazardClass
      storageFoodGrade
      batchTracked
      serialTracked
      attributeNames
      active
      version
      units {
        id
        name
        factor
      }
      skus {
        id
        code
        name
        active
        barcodes
        attributes {
          name
          value
        }
        refPurchasePrice
        refSalePrice
        pickStrategy
        version
      }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      version
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      id
      version
    }
  }
`);

export const ProductImportTemplateQuery = graphql(`
  query ProductImportTemplate {
    productImportTemplate {
      filename
      contentType
      encoding
      content
      columns
    }
  }
`);

export const ImportProductsMutation = graphql(`
  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {
    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {
      ok
      dryRun
      rowCount
      created
      updated
      skusCreated
      skusUpdated
      brandsCreated
      rows {
        row
        errors {
          column
          message
        }
      }
    }
  }
`);

export const CreateCategoryMutation = graphql(`
  mutation CreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      id
      version
    }
  }
`);

export const UpdateCategoryMutation = graphql(`
  mutation UpdateCategory($input: UpdateCategoryInput!) {
    updateCategory(input: $input) {
      id
      version
    }
  }
`);

export const MoveCategoryMutation = graphql(`
  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {
    moveCategory(id: $id, parentId: $parentId, version: $version) {
      id
      parentId
      version
    }
  }
`);

export const CreateBrandMutation = graphql(`
  mutation CreateBrand($input: CreateBrandInput!) {
    createBrand(input: $input) {
      id
      version
    }
  }
`);

export const UpdateBrandMutation = graphql(`
  mutation UpdateBrand($input: UpdateBrandInput!) {
    updateBrand(input: $input) {
      id
      version
    }
  }
`);
